package io.kmarket.sandbox.source.naver;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import io.kmarket.sandbox.limit.Limits;
import io.kmarket.sandbox.market.Bar;
import io.kmarket.sandbox.market.Listing;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.market.Periods;
import io.kmarket.sandbox.market.PriceHistory;
import io.kmarket.sandbox.source.Formats;
import io.kmarket.sandbox.source.PerClientRate;
import io.vertx.core.http.HttpServerRequest;

/**
 * Naver's chart feed ({@code fchart.stock.naver.com/sise.nhn}): candles with split-adjusted prices but the volume
 * as traded, a suspended day as {@code 0|0|0|close|0}, oldest first, the last {@code count} bars, as EUC-KR XML laid
 * out like the recorded response.
 */
@Path("/naver")
public class NaverResource {

    static final String SOURCE = "naver";
    static final Charset EUC_KR = Charset.forName("EUC-KR");
    private static final Map<String, Periods.Frame> FRAMES =
            Map.of("day", Periods.Frame.DAY, "week", Periods.Frame.WEEK, "month", Periods.Frame.MONTH);

    private final Market market;
    private final PerClientRate rate;
    private final Limits limits;

    public NaverResource(Market market, PerClientRate rate, Limits limits) {
        this.market = market;
        this.rate = rate;
        this.limits = limits;
    }

    @GET
    @Path("/sise.nhn")
    public Response chart(@QueryParam("symbol") String symbol, @QueryParam("timeframe") String timeframe,
            @QueryParam("count") String count, @QueryParam("requestType") String requestType,
            @Context HttpServerRequest request) {
        if (!rate.admit(SOURCE, request.remoteAddress().hostAddress(), () -> limits.current().naverRequestsPerSecond())) {
            return PerClientRate.tooMany();
        }
        Listing listing = symbol == null ? null : market.universe().byCode(symbol);
        String frame = timeframe == null ? "day" : timeframe;
        int wanted = parseCount(count);
        List<Bar> candles = listing == null || !FRAMES.containsKey(frame) || wanted <= 0
                ? List.of() : candles(market.history(listing), FRAMES.get(frame));
        List<Bar> tail = candles.subList(Math.max(0, candles.size() - Math.max(0, wanted)), candles.size());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"EUC-KR\" ?>\n\n<protocol>\n\n\n\n\t\n\t\n");
        xml.append("\t\t\t<chartdata symbol=\"").append(escape(symbol == null ? "" : symbol))
                .append("\" name=\"").append(listing == null ? "" : escape(listing.name()))
                .append("\" count=\"").append(Math.max(wanted, 0))
                .append("\" timeframe=\"").append(escape(frame))
                .append("\" precision=\"0\" origintime=\"").append(origin(listing)).append("\">\n");
        for (Bar c : tail) {
            xml.append("\t\t\t\n\t\t\t\t<item data=\"").append(c.date().format(Formats.BASIC)).append('|')
                    .append(c.open()).append('|').append(c.high()).append('|').append(c.low()).append('|')
                    .append(c.close()).append('|').append(c.volume()).append("\" />\n");
        }
        xml.append("\t\t\t\n\t\n\n\n\t</chartdata>\n</protocol>\n");
        return Response.ok(xml.toString().getBytes(EUC_KR)).type("text/xml;charset=EUC-KR")
                .header("Cache-Control", "no-cache").build();
    }

    private static int parseCount(String count) {
        try {
            return count == null ? 0 : Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String origin(Listing listing) {
        if (listing == null) {
            return "";
        }
        LocalDate first = market.calendar().day(0);
        return (listing.listDate().isAfter(first) ? listing.listDate() : first).format(Formats.BASIC);
    }

    private List<Bar> candles(PriceHistory history, Periods.Frame frame) {
        int last = Math.min(market.latestDay(), history.lastDay());
        List<Bar> days = new ArrayList<>();
        for (int day = history.firstDay(); day <= last; day++) {
            days.add(history.naverBar(day));
        }
        // A daily chart shows a suspended day as Naver does (0|0|0|close|0); longer candles span it flat.
        return frame == Periods.Frame.DAY ? days : Periods.aggregate(days, frame);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
