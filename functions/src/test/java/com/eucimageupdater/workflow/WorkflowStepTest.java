package com.eucimageupdater.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract names its handlers as strings, so that infra loads none: here they are loaded. */
class WorkflowStepTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(WorkflowStep.class)
    @DisplayName("each step's handler class exists and is a Lambda stream handler")
    void stepHandlerIsALambdaHandler(WorkflowStep step) throws ClassNotFoundException {
        assertLambdaHandler(step.function());
    }

    @Test
    @DisplayName("the approval endpoint's handler class exists and is a Lambda stream handler")
    void endpointHandlerIsALambdaHandler() throws ClassNotFoundException {
        assertLambdaHandler(FunctionSpec.APPROVAL_ENDPOINT);
    }

    private static void assertLambdaHandler(FunctionSpec function) throws ClassNotFoundException {
        Class<?> handler = Class.forName(function.handlerClass(), false, WorkflowStepTest.class.getClassLoader());

        assertTrue(RequestStreamHandler.class.isAssignableFrom(handler), handler + " implements RequestStreamHandler");
        assertEquals(function.handlerClass() + "::handleRequest", function.handler());
    }

    @Test
    @DisplayName("every handler is named by its step, and no two steps share a name or a handler")
    void namesAreDistinct() {
        List<WorkflowStep> steps = Arrays.asList(WorkflowStep.values());

        steps.forEach(step -> assertTrue(step.function().handlerClass().endsWith("." + step.stepName() + "Handler"), step::toString));
        assertEquals(steps.size(), steps.stream().map(WorkflowStep::stepName).distinct().count());
        assertEquals(steps.size() + 1, Stream.concat(steps.stream().map(WorkflowStep::function), Stream.of(FunctionSpec.APPROVAL_ENDPOINT))
                .map(FunctionSpec::handlerClass).distinct().count());
    }

    @Test
    @DisplayName("the member accounts' role gets the image steps' calls there, each once, and not the assume-role call itself")
    void memberAccountGrantsAreTheImageStepsUnion() {
        List<Grant> grants = WorkflowStep.memberAccountGrants();
        List<String> imageStepCalls = Arrays.stream(WorkflowStep.values())
                .filter(step -> step.function().jar() == FunctionJar.IMAGE_STEPS)
                .flatMap(step -> step.function().grants().stream())
                .filter(grant -> !grant.scopes().contains(Scope.MEMBER_ROLES))
                .flatMap(WorkflowStepTest::calls)
                .distinct().sorted().toList();

        assertEquals(imageStepCalls, grants.stream().flatMap(WorkflowStepTest::calls).sorted().toList());
        assertEquals(grants.size(), grants.stream().map(Grant::scopes).distinct().count(), "one grant per set of scopes");
    }

    private static Stream<String> calls(Grant grant) {
        return grant.actions().stream().map(action -> action + " on " + grant.scopes());
    }
}
