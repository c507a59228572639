package jp.govcloudops.cost.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Amounts as people read them: "USD 1,234.57", "JPY 12,346" (rounded for display only). */
final class Money {

    private Money() {
    }

    static String format(BigDecimal amount, String currency) {
        int digits = fractionDigits(currency);
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return currency + " " + format.format(amount.setScale(digits, RoundingMode.HALF_UP));
    }

    static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
