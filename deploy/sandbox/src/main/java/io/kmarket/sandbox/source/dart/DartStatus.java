package io.kmarket.sandbox.source.dart;

/** OpenDART {@code status} codes and their messages as the real API words them. */
public enum DartStatus {
    OK("000", "정상"),
    UNREGISTERED_KEY("010", "등록되지 않은 키입니다."),
    FORBIDDEN_IP("012", "접근할 수 없는 IP입니다."),
    NO_DATA("013", "조회된 데이타가 없습니다."),
    QUOTA_EXCEEDED("020", "요청 제한을 초과하였습니다. 일반적으로는 20,000건 이상의 요청에 대하여 이 에러 메시지가 발생되나, "
            + "요청 제한이 다르게 설정된 경우에는 이에 준하여 발생됩니다."),
    BAD_FIELD("100", "필드의 부적절한 값입니다. 필드 설명에 없는 값을 사용한 경우에 발생하는 메시지입니다.");

    private final String code;
    private final String message;

    DartStatus(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public String json() {
        return "{\"status\":\"" + code + "\",\"message\":\"" + message + "\"}";
    }

    public String xml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><result><status>" + code + "</status><message>" + message
                + "</message></result>";
    }
}
