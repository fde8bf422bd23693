package io.kmarket.sandbox.market;

import java.time.LocalDate;
import java.util.List;

/**
 * One listed issue and the parameters of its simulated price path.
 *
 * @param index position in the universe, also the stream id of its random draws
 * @param delistDate first day it is no longer listed, or null
 * @param initialShares shares listed before any corporate action
 * @param initialPrice price on the first simulated day (or the offering price when listed later)
 * @param volatility daily standard deviation of returns
 * @param turnover mean fraction of the listed shares traded per day
 * @param actions the planned corporate actions, in ex-day order, at least 120 trading days apart
 * @param halts pairs of [first day index, last day index] of trading halts (those before actions included)
 * @param parValue par value (KRW) before any corporate action
 * @param sizeRank rank by market cap on the first simulated day within its market (0 = largest)
 * @param anchorPrice split-adjusted level the path is pulled towards on {@code anchorDay}; 0 = free walk
 */
public record Listing(int index, String code, String isin, String name, String fullName, String englishName,
        MarketId market, String section, boolean kosdaqGlobal, boolean preferred, LocalDate listDate,
        LocalDate delistDate, long initialShares, int parValue, long initialPrice, double volatility,
        double drift, double turnover, List<CorporateAction> actions, int[] halts, String corpCode, int sizeRank,
        long anchorPrice, int anchorDay) {

    public boolean listedOn(LocalDate date) {
        return !date.isBefore(listDate) && (delistDate == null || date.isBefore(delistDate));
    }

    public boolean delistedBy(LocalDate date) {
        return delistDate != null && !date.isBefore(delistDate);
    }

    public boolean haltedOn(int dayIndex) {
        for (int i = 0; i < halts.length; i += 2) {
            if (dayIndex >= halts[i] && dayIndex <= halts[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** KRX opened the KOSDAQ GLOBAL segment in November 2022; before it, its members were plain KOSDAQ issues. */
    public static final LocalDate KOSDAQ_GLOBAL_FROM = LocalDate.of(2022, 11, 21);

    /** The name KRX shows for the market on {@code date} ({@code KOSDAQ GLOBAL} for the premium segment). */
    public String krxMarketName(LocalDate date) {
        return kosdaqGlobal && !date.isBefore(KOSDAQ_GLOBAL_FROM) ? "KOSDAQ GLOBAL" : market.englishName();
    }

    /** The same issue under another code, ISIN and names: its prices, shares and filings stay. */
    Listing renamed(String newCode, String newIsin, String newName, String newFullName, String newEnglishName) {
        return new Listing(index, newCode, newIsin, newName, newFullName, newEnglishName, market, section,
                kosdaqGlobal, preferred, listDate, delistDate, initialShares, parValue, initialPrice, volatility,
                drift, turnover, actions, halts, corpCode, sizeRank, anchorPrice, anchorDay);
    }

    /** The same issue with its planned actions (and the halts before them). */
    Listing withActions(List<CorporateAction> newActions, int[] newHalts) {
        return new Listing(index, code, isin, name, fullName, englishName, market, section, kosdaqGlobal, preferred,
                listDate, delistDate, initialShares, parValue, initialPrice, volatility, drift, turnover,
                List.copyOf(newActions), newHalts, corpCode, sizeRank, anchorPrice, anchorDay);
    }
}
