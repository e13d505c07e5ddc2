package com.eucimageupdater.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.StepJson;
import com.eucimageupdater.aws.ServiceAdapter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindRolloutHandlerTest {

    @Test
    void primingWritesBothAnswersTheStepGivesARollbacksMovesAndAPromotesRollouts() throws IOException {
        FindRolloutHandler handler = new FindRolloutHandler(new ImageServices(mock(ServiceAdapter.class), mock(ServiceAdapter.class)));
        FindRolloutRequest sample = StepJson.records().read(new ByteArrayInputStream(handler.sampleInput().getBytes(StandardCharsets.UTF_8)),
                FindRolloutRequest.class);

        assertEquals(List.of(RollbackRequest.class, PromoteRequest.class),
                handler.sampleResults(sample).stream().map(Object::getClass).toList());
    }
}
