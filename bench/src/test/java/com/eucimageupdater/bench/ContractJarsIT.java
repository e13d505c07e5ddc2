package com.eucimageupdater.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.eucimageupdater.workflow.FunctionJar;
import com.eucimageupdater.workflow.FunctionSpec;
import com.eucimageupdater.workflow.WorkflowStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shade filters against the contract: each function's handler ships in the jar the stack deploys it from. */
class ContractJarsIT {

    static Stream<Arguments> handlers() {
        return Stream.concat(Stream.of(WorkflowStep.values()).map(WorkflowStep::function), Stream.of(FunctionSpec.APPROVAL_ENDPOINT))
                .map(function -> Arguments.of(function.handlerClass(), function.jar()));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("handlers")
    void eachHandlerShipsInTheJarTheContractNames(String handlerClass, FunctionJar jar) throws IOException {
        try (JarFile file = new JarFile(Path.of(jar.path()).toFile())) {
            assertNotNull(file.getEntry(handlerClass.replace('.', '/') + ".class"), handlerClass + " in " + jar.path());
        }
    }
}
