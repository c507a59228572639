package jp.govcloudops.store.cost;

import java.nio.file.Path;

import jp.govcloudops.store.TestDatabase;

class CostStorePostgresTest extends CostStoreContract {

    @Override
    TestDatabase database(Path directory) {
        return TestDatabase.postgres();
    }
}
