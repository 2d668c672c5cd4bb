package io.kibly.sandbox.xero.accounting;

/** A request Xero would refuse, with the parts of Xero's error body. */
public class XeroApiException extends RuntimeException {

    private final int httpStatus;
    private final int errorNumber;
    private final String type;

    public XeroApiException(int httpStatus, int errorNumber, String type, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorNumber = errorNumber;
        this.type = type;
    }

    public static XeroApiException validation(String message) {
        return new XeroApiException(400, 10, "ValidationException", message);
    }

    public static XeroApiException queryParse(String message) {
        return new XeroApiException(400, 16, "QueryParseException", message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorNumber() {
        return errorNumber;
    }

    public String type() {
        return type;
    }
}
