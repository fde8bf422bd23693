package io.kmarket.sandbox.market;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Unique, plausible Korean company names with a matching romanised English name. */
final class NameGenerator {

    private static final String[][] SYLLABLES = {
        {"대", "Dae"}, {"한", "Han"}, {"동", "Dong"}, {"성", "Sung"}, {"신", "Shin"}, {"세", "Se"}, {"우", "Woo"},
        {"진", "Jin"}, {"태", "Tae"}, {"광", "Kwang"}, {"명", "Myung"}, {"일", "Il"}, {"영", "Young"}, {"미", "Mi"},
        {"코", "Ko"}, {"아", "A"}, {"엘", "El"}, {"에", "E"}, {"스", "S"}, {"제", "Je"}, {"티", "Ti"}, {"비", "Bi"},
        {"케", "Ke"}, {"오", "O"}, {"유", "Yu"}, {"나", "Na"}, {"라", "Ra"}, {"솔", "Sol"}, {"원", "Won"},
        {"해", "Hae"}, {"금", "Keum"}, {"현", "Hyun"}, {"화", "Hwa"}, {"정", "Jung"}, {"삼", "Sam"}, {"보", "Bo"},
        {"인", "In"}, {"휴", "Hyu"}, {"넥", "Nex"}, {"씨", "C"}, {"디", "Di"}, {"피", "Pi"}, {"엠", "M"},
        {"에이", "A"}, {"지", "Ji"}, {"서", "Seo"}, {"경", "Kyung"}, {"국", "Kuk"}, {"파", "Pa"}, {"로", "Ro"},
    };

    private static final String[][] SUFFIXES = {
        {"전자", "Electronics"}, {"화학", "Chemical"}, {"바이오", "Bio"}, {"제약", "Pharm"}, {"건설", "E&C"},
        {"홀딩스", "Holdings"}, {"테크", "Tech"}, {"소재", "Materials"}, {"에너지", "Energy"}, {"식품", "Foods"},
        {"산업", "Industrial"}, {"반도체", "Semiconductor"}, {"시스템", "Systems"}, {"통신", "Telecom"},
        {"엔터", "Entertainment"}, {"로직스", "Logis"}, {"메디칼", "Medical"}, {"정밀", "Precision"},
        {"중공업", "Heavy Industries"}, {"물산", "Trading"}, {"증권", "Securities"}, {"금융", "Financial"},
        {"게임즈", "Games"}, {"모빌리티", "Mobility"}, {"이노텍", "Innotek"}, {"소프트", "Soft"},
        {"네트웍스", "Networks"}, {"디스플레이", "Display"}, {"케미칼", "Chemical"}, {"머티리얼즈", "Materials"},
        {"", ""}, {"", ""},
    };

    private final Set<String> used = new HashSet<>();

    NameGenerator(Iterable<String> reserved) {
        reserved.forEach(used::add);
    }

    /** {korean, english}. */
    String[] next(SplittableRandom random) {
        while (true) {
            int syllables = 2 + random.nextInt(2);
            StringBuilder korean = new StringBuilder();
            StringBuilder english = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                String[] s = SYLLABLES[random.nextInt(SYLLABLES.length)];
                korean.append(s[0]);
                english.append(i == 0 ? s[1] : s[1].toLowerCase());
            }
            String[] suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
            korean.append(suffix[0]);
            String name = korean.toString();
            if (used.add(name)) {
                String eng = suffix[1].isEmpty() ? english + " Co., Ltd." : english + " " + suffix[1] + " Co., Ltd.";
                return new String[] {name, eng};
            }
        }
    }
}
