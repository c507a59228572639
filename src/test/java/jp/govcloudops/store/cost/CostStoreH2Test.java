package jp.govcloudops.store.cost;

import java.nio.file.Path;

import jp.govcloudops.store.TestDatabase;

class CostStoreH2Test extends CostStoreContract {

    @Override
    TestDatabase database(Path directory) {
        return TestDatabase.h2(directory);
    }
}
