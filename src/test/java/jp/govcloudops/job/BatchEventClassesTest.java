package jp.govcloudops.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

class BatchEventClassesTest {

    @Test
    void everyFlightRecorderEventOfSpringBatchIsOnTheList() {
        // A Spring Batch upgrade that adds an event class fails here rather than leaving it to the job's threads.
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(jdk.jfr.Event.class));
        Set<String> inSpringBatch = scanner.findCandidateComponents("org.springframework.batch").stream()
                .map(BeanDefinition::getBeanClassName).collect(Collectors.toSet());

        assertThat(inSpringBatch).hasSizeGreaterThanOrEqualTo(11);
        assertThat(BatchEventClasses.eventClasses()).extracting(Class::getName)
                .containsExactlyInAnyOrderElementsOf(inSpringBatch);
    }

    @Test
    void theEventTypesAreRegisteredWithFlightRecorderInTheBackground() throws InterruptedException {
        BatchEventClasses preload = new BatchEventClasses();

        assertThat(preload.awaitInitialised(30_000)).isTrue();
        Set<String> registered = FlightRecorder.getFlightRecorder().getEventTypes().stream().map(EventType::getName)
                .collect(Collectors.toSet());
        assertThat(registered).containsAll(
                BatchEventClasses.eventClasses().stream().map(Class::getName).toList());
    }
}
