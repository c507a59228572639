package jp.govcloudops.sample;

import java.util.List;

import jp.govcloudops.sample.SampleEstate.Account;
import jp.govcloudops.sample.SampleEstate.NetworkInterface;
import jp.govcloudops.sample.SampleEstate.Vpc;

/** Names and identifiers of an account's resources, as API calls refer to them. Fixed for every seed. */
final class AccountResources {

    private static final Seeds IDS = new Seeds(0x7e50);

    final Account account;

    AccountResources(Account account) {
        this.account = account;
    }

    String id() {
        return account.id();
    }

    boolean runsApplication() {
        return account.dbPort() != 0;
    }

    List<NetworkInterface> instances(String region) {
        return account.vpcs(region).stream().flatMap(v -> v.interfaces().stream())
                .filter(i -> i.instanceId() != null).toList();
    }

    List<NetworkInterface> appInterfaces(String region) {
        return account.vpcs(region).stream().flatMap(v -> v.ofKind(SampleEstate.InterfaceKind.APP).stream()).toList();
    }

    Vpc vpc(String region) {
        List<Vpc> vpcs = account.vpcs(region);
        return vpcs.isEmpty() ? null : vpcs.get(0);
    }

    String securityGroup(int n) {
        return "sg-" + IDS.id(RandomText.HEX, 17, id(), "sg", n);
    }

    String volume(String instanceId) {
        return "vol-" + IDS.id(RandomText.HEX, 17, id(), "vol", instanceId);
    }

    String vpcEndpoint(String region, String service) {
        return "vpce-" + IDS.id(RandomText.HEX, 17, id(), region, service);
    }

    String kmsKeyArn(String region) {
        return "arn:aws:kms:" + region + ":" + id() + ":key/" + RandomText.uuid(IDS.stream(id(), region, "kms"));
    }

    String detectorId(String region) {
        return IDS.id(RandomText.HEX, 32, id(), region, "guardduty");
    }

    String secretArn(String region) {
        return "arn:aws:secretsmanager:" + region + ":" + id() + ":secret:" + account.slug() + "/db/credentials-"
                + IDS.id(RandomText.ALNUM, 6, id(), "secret");
    }

    String trailArn(String region, String trail) {
        return "arn:aws:cloudtrail:" + region + ":" + id() + ":trail/" + trail;
    }

    String cluster() {
        return account.slug() + "-cluster";
    }

    String service() {
        return account.slug() + "-web";
    }

    String function() {
        return account.slug() + "-notify";
    }

    String logGroup() {
        return runsApplication() ? "/ecs/" + account.slug() + "-web" : "/ec2/" + account.slug() + "-proxy";
    }

    String parameter(String leaf) {
        return "/" + account.slug() + "/" + leaf;
    }

    String database() {
        return account.slug() + "-db";
    }
}
