package org.sketchfind.engine;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The engine's house rules (docs/architecture.md), checked on its production classes: no JavaFX, the layers and
 * which may use which (a lower package never imports a higher one; the command line reaches the engine only
 * through the facade), and a facade whose public signatures show nothing but its own and the JDK's types.
 */
@AnalyzeClasses(packages = "org.sketchfind.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String FACADE = "org.sketchfind.engine";

    @ArchTest
    static final ArchRule theEngineNeverImportsJavaFxOrTheApp = noClasses()
            .that().resideInAPackage("org.sketchfind.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.sketchfind.app..")
            .because("the engine runs without a UI: the app is one client of the facade, the command line another");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Command line").definedBy("org.sketchfind.engine.cli..")
            .layer("Facade").definedBy(FACADE)
            .layer("Index").definedBy("org.sketchfind.engine.index..")
            .layer("Training").definedBy("org.sketchfind.engine.train..")
            .layer("Research").definedBy("org.sketchfind.engine.eval..")
            .layer("Features").definedBy("org.sketchfind.engine.features..")
            .layer("Model").definedBy("org.sketchfind.engine.model..")
            .layer("Data").definedBy("org.sketchfind.engine.data..")
            .layer("Foundation").definedBy("org.sketchfind.engine.code..", "org.sketchfind.engine.job..")
            .whereLayer("Command line").mayNotBeAccessedByAnyLayer()
            .whereLayer("Facade").mayOnlyBeAccessedByLayers("Command line")
            .whereLayer("Index").mayOnlyBeAccessedByLayers("Facade")
            .whereLayer("Training").mayOnlyBeAccessedByLayers("Facade")
            .whereLayer("Research").mayOnlyBeAccessedByLayers("Facade", "Training")
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Facade", "Training", "Research")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Facade", "Training", "Research", "Features")
            .whereLayer("Data").mayOnlyBeAccessedByLayers("Facade", "Index", "Training", "Research", "Features",
                    "Model")
            .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Facade", "Index", "Training", "Research",
                    "Features", "Model", "Data");

    @ArchTest
    static final ArchRule theFacadeShowsOnlyItsOwnAndTheJdksTypes = codeUnits()
            .that().areDeclaredInClassesThat().resideInAPackage(FACADE)
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(useOnlyFacadeAndJdkTypes())
            .because("the app and the command line hold nothing but facade values (docs/architecture.md)");

    private static ArchCondition<JavaCodeUnit> useOnlyFacadeAndJdkTypes() {
        return new ArchCondition<>("use only facade and JDK types in their signatures") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
                types.add(unit.getReturnType());
                unit.getThrowsClause().forEach(t -> types.add(t.getRawType()));
                for (JavaType t : types) {
                    for (JavaClass c : t.getAllInvolvedRawTypes()) {
                        JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
                        if (!base.isPrimitive() && !allowed.test(base)) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " shows "
                                    + base.getName() + " in " + unit.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }

    private static final DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe("facade or JDK type",
            c -> c.getPackageName().equals(FACADE) || c.getPackageName().startsWith("java."));
}
