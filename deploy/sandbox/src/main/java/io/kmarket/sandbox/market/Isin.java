package io.kmarket.sandbox.market;

/** Korean ISINs (ISO 6166): {@code KR} + type digit + 6-char short code + 2 digits + check digit. */
public final class Isin {

    private Isin() {
    }

    /** The ISIN of a share listed under {@code shortCode}; preferred shares (last digit 5/7/9) use the class digit. */
    public static String of(String shortCode) {
        char last = shortCode.charAt(5);
        String body = switch (last) {
            case '5' -> "KR7" + shortCode.substring(0, 5) + "100";
            case '7' -> "KR7" + shortCode.substring(0, 5) + "200";
            case '9' -> "KR7" + shortCode.substring(0, 5) + "300";
            default -> "KR7" + shortCode + "00";
        };
        return body + checkDigit(body);
    }

    /** ISO 6166 check digit: letters become two digits (A=10 .. Z=35), then the Luhn sum. */
    public static int checkDigit(String elevenChars) {
        StringBuilder digits = new StringBuilder();
        for (char c : elevenChars.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else {
                digits.append(Character.toUpperCase(c) - 'A' + 10);
            }
        }
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = digits.charAt(i) - '0';
            if (position % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
