package jp.govcloudops.cost.store;

import java.nio.file.Path;

import jp.govcloudops.store.TestDatabase;

class CostStorePostgresTest extends CostStoreContract {

    @Override
    TestDatabase database(Path directory) {
        return TestDatabase.postgres();
    }
}
