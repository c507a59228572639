package jp.govcloudops.cost.store;

import java.nio.file.Path;

import jp.govcloudops.store.TestDatabase;

class CostStoreH2Test extends CostStoreContract {

    @Override
    TestDatabase database(Path directory) {
        return TestDatabase.h2(directory);
    }
}
