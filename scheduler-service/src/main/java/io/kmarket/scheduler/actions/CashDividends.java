package io.kmarket.scheduler.actions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kmarket.scheduler.actions.store.ActionRows;
import io.kmarket.scheduler.actions.store.ActionRows.Action;
import io.kmarket.scheduler.actions.store.ActionRows.Close;
import io.kmarket.scheduler.actions.store.ActionRows.Dividend;

/**
 * Year-end dividends of KRX's dividend screen on their ex-dates (see {@link TradingDays#dividendExDate}): cash
 * dividends as actions of their own (KRX does not move the reference price for them, so only this rule dates them),
 * and the ex-dates of stock dividends, which tell a stock dividend's reference-price step from a bonus issue's.
 */
public final class CashDividends {

    /** A cash dividend dated, waiting for the close of the trading day before its ex-date. */
    public record Dated(Dividend dividend, LocalDate exDate, LocalDate previousDate) {
    }

    private CashDividends() {
    }

    /** The cash dividends whose ex-date and previous trading day the calendar knows. */
    public static List<Dated> dated(List<Dividend> dividends, TradingDays days) {
        List<Dated> dated = new ArrayList<>();
        for (Dividend dividend : dividends) {
            if (dividend.cashPerShare() == null || dividend.cashPerShare().signum() <= 0) {
                continue;
            }
            exDate(dividend, days).ifPresent(exDate -> days.previous(exDate)
                    .ifPresent(previous -> dated.add(new Dated(dividend, exDate, previous))));
        }
        return dated;
    }

    /** The actions of the dated dividends whose previous close is stored and above the dividend. */
    public static List<Action> actions(List<Dated> dated, List<Close> closes) {
        Map<String, Long> byKey = new HashMap<>();
        closes.forEach(c -> byKey.put(c.code() + c.date(), c.close()));
        List<Action> actions = new ArrayList<>();
        for (Dated d : dated) {
            Long previousClose = byKey.get(d.dividend().code() + d.previousDate());
            BigDecimal cash = d.dividend().cashPerShare();
            if (previousClose == null || previousClose <= 0 || cash.compareTo(BigDecimal.valueOf(previousClose)) >= 0) {
                continue;
            }
            double factor = (previousClose - cash.doubleValue()) / previousClose;
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("fiscalYear", d.dividend().fiscalYear());
            json.put("fiscalMonth", d.dividend().fiscalMonth());
            json.put("cashPerShare", cash);
            json.put("previousDate", d.previousDate().toString());
            json.put("previousClose", previousClose);
            json.put("rule", "ex-date = the trading day before the last trading day of the fiscal year-end month");
            actions.add(new Action(d.dividend().code(), d.exDate(), ActionRows.CASH_DIVIDEND,
                    ActionRows.CASH_DIVIDEND, null, cash, null, previousClose, null, factor, null, null, null,
                    json.toString(), d.dividend().source()));
        }
        return actions;
    }

    /** Stock dividend per share by code and the ex-date of its fiscal year. */
    public static Map<String, Map<LocalDate, BigDecimal>> stockDividends(List<Dividend> dividends, TradingDays days) {
        Map<String, Map<LocalDate, BigDecimal>> byCode = new HashMap<>();
        for (Dividend dividend : dividends) {
            if (dividend.stockPerShare() != null && dividend.stockPerShare().signum() > 0) {
                exDate(dividend, days).ifPresent(exDate -> byCode.computeIfAbsent(dividend.code(),
                        c -> new HashMap<>()).put(exDate, dividend.stockPerShare()));
            }
        }
        return byCode;
    }

    private static Optional<LocalDate> exDate(Dividend dividend, TradingDays days) {
        return days.dividendExDate(YearMonth.of(dividend.fiscalYear(), dividend.fiscalMonth()));
    }
}
