/**
 * The deterministic sample generator behind {@code govcloud-ops sample-data}: an imaginary prefecture estate on
 * AWS (ネットワーク管理, 生活保護, レセプト管理, 児童扶養手当; Tokyo and Osaka) and its logs, with security incidents
 * planted in an otherwise quiet background and listed in {@code labels.json}.
 *
 * <h2>How it fits together</h2>
 * <ul>
 * <li>{@link jp.govcloudops.sample.SampleEstate}: accounts, regions, VPCs and interfaces, flow logs, principals,
 *     address ranges and the calendar. The same for every seed.</li>
 * <li>{@link jp.govcloudops.sample.SampleScenario}: what happens on which day (incidents, deployments,
 *     CloudTrail Insights), planned once before any writer runs.</li>
 * <li>{@link jp.govcloudops.sample.SampleWriter}s: one per kind of output, run in order by
 *     {@link jp.govcloudops.sample.SampleGenerator} over one {@link jp.govcloudops.sample.SampleContext}.</li>
 * <li>{@link jp.govcloudops.sample.CostExportWriter}: AWS Data Exports files (CUR 2.0, FOCUS) for the cost writer;
 *     the application only reads such files (format.cost), so the writer lives here.</li>
 * <li>{@link jp.govcloudops.sample.Seeds}: every writer draws from streams named by what they generate (writer,
 *     account, region, day), so outputs do not depend on one another and the same seed gives the same bytes.</li>
 * </ul>
 *
 * <h2>Adding a writer (e.g. cost exports under {@code cost/}, operator records under {@code records/})</h2>
 * <ol>
 * <li>Write one class implementing {@link jp.govcloudops.sample.SampleWriter}: {@code name()} (also the name of
 *     its random streams), {@code ownedPaths()} (e.g. {@code List.of("cost")}, removed on {@code --overwrite}),
 *     and {@code write(context)}. Take accounts, regions and the calendar from {@code context.estate()}, days and
 *     scale from {@code context.options()}, randomness only from
 *     {@code context.seeds().stream(name(), account, day, ...)}, and write files with
 *     {@code context.sink().write(kind, "cost/...", bytes, records)} (or {@code count(...)} for a file a library
 *     wrote itself). Iterate lists, never hash-map key sets, and use gzip through
 *     {@link jp.govcloudops.sample.ObjectSink#gzip} so output stays byte-identical for a seed.</li>
 * <li>Add one line to {@link jp.govcloudops.sample.SampleGenerator#defaultWriters()}. Writers that use another's
 *     output (as the digest writer uses the CloudTrail deliveries) go after it.</li>
 * </ol>
 * If the new output should show a planted incident (a cost spike, an alert handled late), plan it in
 * {@link jp.govcloudops.sample.SampleScenario} so that every writer sees the same story.
 */
package jp.govcloudops.sample;
