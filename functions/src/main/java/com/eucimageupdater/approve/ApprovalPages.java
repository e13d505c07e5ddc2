package com.eucimageupdater.approve;

import java.util.Map;

/**
 * The approval endpoint's pages: small, self-contained HTML (no scripts, images or external resources), with every
 * value escaped. Each page says plainly whether anything was changed.
 */
public final class ApprovalPages {
    /** Status, title and body of one page. */
    public record Page(int status, String title, String html) {}

    private ApprovalPages() {}

    /** What GET shows: what the button will do. Opening the link decides nothing. */
    public static Page confirm(ApprovalRequest request, Map<String, String> linkFields) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/\">\n");
        ApprovalLinks.FIELDS.forEach(name -> form.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(linkFields.get(name))).append("\">\n"));
        boolean approve = request.decision() == Decision.APPROVE;
        form.append("<button type=\"submit\">").append(approve ? "Approve the roll-out" : "Reject the roll-out")
                .append("</button>\n</form>\n");
        String title = approve ? "Approve the production roll-out?" : "Reject the production roll-out?";
        return page(200, title, paragraph("Execution " + strong(request.executionName())
                        + " of the euc-image-updater is waiting for this decision.")
                + paragraph(approve
                        ? "Approving moves the production fleets and bundles listed in the approval mail to the new images."
                        : "Rejecting ends the run without rolling anything out to production.")
                + paragraph("Nothing has been decided yet: opening this link changes nothing. Only the button below answers.")
                + form);
    }

    /** What POST shows once Step Functions took the answer. */
    public static Page answered(ApprovalRequest request) {
        String execution = strong(request.executionName());
        return request.decision() == Decision.APPROVE
                ? page(200, "Approved", paragraph("Execution " + execution
                        + " goes on with the production roll-out; its mail will say what was moved."))
                : page(200, "Rejected", paragraph("Execution " + execution
                        + " rolls nothing out to production; its mail will say so."));
    }

    public static Page closed(ApprovalRequest request) {
        return page(410, "Already answered or expired", paragraph("This approval has already been answered or has expired:"
                + " execution " + strong(request.executionName()) + " no longer waits for a decision, and nothing was changed."));
    }

    public static Page refused(InvalidLinkException refusal) {
        return switch (refusal.kind()) {
            case FORBIDDEN -> page(403, "Link refused", paragraph("This link was not issued by this euc-image-updater"
                    + " deployment, or it was changed since (" + escape(refusal.getMessage()) + "). Nothing was changed."
                    + " Use the links of the approval mail as they are, or the AWS CLI command it gives."));
            case MALFORMED -> page(400, "Incomplete link", paragraph(escape(refusal.getMessage()) + ". Nothing was changed."));
        };
    }

    public static Page methodNotAllowed() {
        return page(405, "Not supported", paragraph("Open the link from the approval mail; its page has the button that answers."));
    }

    /**
     * KMS or Step Functions failed or did not answer in time: nothing is confirmed, and an answer sent may or may
     * not have been taken, which a retry reveals.
     */
    public static Page unavailable() {
        return page(503, "Not confirmed", paragraph("The approval endpoint could not check the link or reach Step"
                + " Functions, so nothing is confirmed. Try again in a minute (if an answer was taken meanwhile, the page"
                + " will say it was already answered), or use the AWS CLI command from the approval mail."));
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    private static String strong(String text) {
        return "<strong>" + escape(text) + "</strong>";
    }

    private static String paragraph(String html) {
        return "<p>" + html + "</p>\n";
    }

    private static Page page(int status, String title, String body) {
        return new Page(status, title, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + escape(title) + " - euc-image-updater</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;line-height:1.5}"
                + "button{font-size:1.1em;padding:.5em 1.5em}</style>\n"
                + "</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n");
    }
}
