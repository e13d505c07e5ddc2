package com.eucimageupdater.approve;

/**
 * The approval mail's part that says how to answer: as deployed, the signed links and the AWS CLI commands
 * ({@link ApprovalLinks#answeredAt}); a local run, which answers from its own command line, says that instead.
 */
@FunctionalInterface
public interface AnswerInstructions {
    /** The mail's lines that answer the waiting task with {@code approve} or {@code reject}; they may carry its token. */
    String forMail(ApprovalRequest approve, ApprovalRequest reject);
}
