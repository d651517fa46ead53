package org.sketchfind.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The app's house rule (docs/architecture.md), checked on its production classes: it reaches the engine only through
 * the facade package {@code org.sketchfind.engine} and its value types, never {@code model}, {@code train},
 * {@code index}, {@code eval}, {@code data} or the command line.
 */
@AnalyzeClasses(packages = "org.sketchfind", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule theAppImportsOnlyTheFacade = noClasses()
            .that().resideInAPackage("org.sketchfind.app..")
            .should().dependOnClassesThat(resideInAPackage("org.sketchfind.engine..")
                    .and(not(resideInAPackage("org.sketchfind.engine")))
                    .as("are engine internals (any package below org.sketchfind.engine)"))
            .because("the app is a client of the engine's facade, like the command line");
}
