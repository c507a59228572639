package jp.govcloudops.sample;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static jp.govcloudops.sample.Json.obj;

/**
 * {@code labels.json}: one entry per planted incident, with where and when it is, what it consists of (event names
 * and IDs, or a flow summary) and the keys of the objects holding its records, so a test can check that each one
 * is found. Keys are S3 keys below {@code logs/}.
 */
final class LabelsFile {

    static final String PATH = "labels.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelsFile() {
    }

    static void write(SampleContext context) {
        ArrayNode labels = Json.arr();
        SampleCalendar calendar = context.estate().calendar();
        for (PlantedIncident incident : context.scenario().incidents()) {
            if (incident.objectKeys().isEmpty()) {
                throw new IllegalStateException("planted incident " + incident.id() + " (" + incident.label()
                        + ") was written to no object");
            }
            ZonedDateTime from = Instant.ofEpochSecond(incident.firstTime()).atZone(SampleCalendar.JST);
            ZonedDateTime to = Instant.ofEpochSecond(incident.lastTime()).atZone(SampleCalendar.JST);
            ObjectNode label = obj("id", incident.id(), "label", incident.label(), "logType", incident.logType(),
                    "accountId", incident.account().id(), "accountName", incident.account().name(),
                    "region", incident.region(), "from", Json.iso(incident.firstTime()),
                    "to", Json.iso(incident.lastTime()), "fromJst", from.toOffsetDateTime().toString(),
                    "toJst", to.toOffsetDateTime().toString(),
                    "insideServiceHours", calendar.isInsideServiceHours(from),
                    "description", incident.description(), "records", incident.records());
            if (incident.logType().equals("cloudtrail")) {
                cloudTrail(incident, label);
            } else {
                flow(incident, label);
            }
            ArrayNode keys = label.putArray("objectKeys");
            incident.objectKeys().forEach(keys::add);
            labels.add(label);
        }
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(labels);
        context.sink().write("labels", PATH, bytes, labels.size());
    }

    private static void cloudTrail(PlantedIncident incident, ObjectNode label) {
        ApiCall first = incident.calls().get(0);
        Set<String> names = new LinkedHashSet<>();
        ArrayNode ids = Json.arr();
        int errors = 0;
        for (ApiCall call : incident.calls()) {
            names.add(call.eventName());
            ids.add(call.eventId());
            errors += call.errorCode() == null ? 0 : 1;
        }
        label.put("principal", first.principal.type().equals("AssumedRole") ? first.principal.roleArn()
                : first.principal.arn());
        label.put("principalType", first.principal.type());
        label.put("sourceIp", first.sourceIp);
        ArrayNode eventNames = label.putArray("eventNames");
        names.forEach(eventNames::add);
        label.put("errors", errors);
        label.set("eventIds", ids);
    }

    private static void flow(PlantedIncident incident, ObjectNode label) {
        FlowRow first = incident.flows().get(0);
        String source = first.srcaddr();
        String destination = first.dstaddr();
        Set<String> interfaces = new TreeSet<>();
        Set<Integer> ports = new TreeSet<>();
        Set<String> destinations = new TreeSet<>();
        Map<String, Integer> actions = new TreeMap<>();
        long packets = 0;
        long bytes = 0;
        long requestBytes = 0;
        for (FlowRow row : incident.flows()) {
            interfaces.add(row.eni().id());
            actions.merge(row.action(), 1, Integer::sum);
            packets += row.packets();
            bytes += row.bytes();
            if (row.srcaddr().equals(source)) {
                ports.add(row.dstport());
                destinations.add(row.dstaddr());
                requestBytes += row.bytes();
            }
        }
        ObjectNode flow = obj("srcaddr", source, "dstaddr", destination, "protocol", first.protocol());
        // Every address the source reached (the main destination first in dstaddr), for incidents of more than one.
        ArrayNode destinationList = flow.putArray("dstaddrs");
        destinations.forEach(destinationList::add);
        ArrayNode portList = flow.putArray("dstPorts");
        ports.forEach(portList::add);
        ArrayNode eniList = flow.putArray("interfaceIds");
        interfaces.forEach(eniList::add);
        ObjectNode actionCounts = flow.putObject("actions");
        actions.forEach(actionCounts::put);
        flow.put("packets", packets);
        flow.put("bytes", bytes);
        flow.put("bytesFromSource", requestBytes);
        flow.put("summary", source + " -> " + String.join(", ", destinations) + ": " + ports.size()
                + " destination port(s), "
                + incident.flows().size() + " records, " + actions + ", " + requestBytes + " bytes from the source");
        label.set("flow", flow);
    }

    static List<String> ownedPaths() {
        return new ArrayList<>(List.of(PATH));
    }
}
