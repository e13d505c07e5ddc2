package com.eucimageupdater.lambda;

import java.io.IOException;

/** The step's input is not JSON, or not its shape; whichever JSON library read it, the message says where and why. */
final class UnreadableInput extends IOException {
    UnreadableInput(String message, Exception cause) {
        super(message, cause);
    }
}
