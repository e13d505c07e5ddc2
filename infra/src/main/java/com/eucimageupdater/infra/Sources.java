package com.eucimageupdater.infra;

import com.eucimageupdater.workflow.FunctionJar;
import com.eucimageupdater.workflow.WorkflowStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the stack packages from the project: the shaded function jars and the state machine definition, where the
 * contract places them ({@link FunctionJar}, {@link WorkflowStep#DEFINITION}). Paths are resolved against the
 * working directory (the project root for {@code cdk synth}).
 */
public record Sources(Map<FunctionJar, Path> jars, Path stateMachineDefinition) {
    public Sources {
        jars = Map.copyOf(jars);
        for (FunctionJar jar : FunctionJar.values()) {
            Path file = jars.get(jar);
            if (file == null || !Files.isRegularFile(file)) {
                throw new IllegalStateException((file == null ? jar.path() : file.toAbsolutePath().normalize())
                        + " is missing: build the functions first with `mvn -B -pl functions -am package -DskipTests`");
            }
        }
        if (!Files.isRegularFile(stateMachineDefinition)) {
            throw new IllegalStateException(stateMachineDefinition.toAbsolutePath().normalize()
                    + " is missing: the state machine definition ships with the project");
        }
    }

    public static Sources inProject(Path projectRoot) {
        Map<FunctionJar, Path> jars = new EnumMap<>(FunctionJar.class);
        for (FunctionJar jar : FunctionJar.values()) {
            jars.put(jar, projectRoot.resolve(jar.path()));
        }
        return new Sources(jars, projectRoot.resolve(WorkflowStep.DEFINITION));
    }

    public Path jar(FunctionJar jar) {
        return jars.get(jar);
    }
}
