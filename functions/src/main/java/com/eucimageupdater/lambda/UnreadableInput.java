package com.eucimageupdater.lambda;

import java.io.IOException;

/** The step's input is not JSON, or not its shape; the message says where and why ({@link StepJson#reason}). */
final class UnreadableInput extends IOException {
    UnreadableInput(String message, Exception cause) {
        super(message, cause);
    }
}
