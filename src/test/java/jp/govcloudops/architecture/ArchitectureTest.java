package jp.govcloudops.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The package structure of the compiled application (docs/architecture.md): no package cycles, and every
 * dependency pointing down the documented direction. ArchUnit reads the bytecode, so references that only a
 * comment or a Javadoc link makes are checked from the source text by {@link SourceDependenciesTest}.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(Layers.ROOT);

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(Layers.ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching(Layers.ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void dependenciesPointDownTheDocumentedDirection() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        List<String> names = new ArrayList<>();
        for (int level = 0; level < Layers.LEVELS.size(); level++) {
            String name = "level " + level + " " + Layers.LEVELS.get(level);
            String[] packages = Layers.LEVELS.get(level).stream()
                    .map(p -> p.equals("application") ? Layers.ROOT : Layers.ROOT + "." + p + "..").toArray(String[]::new);
            layers = layers.layer(name).definedBy(packages);
            names.add(name);
        }
        layers = layers.whereLayer(names.get(0)).mayNotBeAccessedByAnyLayer();
        for (int level = 1; level < names.size(); level++) {
            layers = layers.whereLayer(names.get(level))
                    .mayOnlyBeAccessedByLayers(names.subList(0, level).toArray(String[]::new));
        }
        layers.check(CLASSES);
    }
}
