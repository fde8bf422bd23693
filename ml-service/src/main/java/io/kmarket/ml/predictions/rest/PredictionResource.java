package io.kmarket.ml.predictions.rest;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.ml.predictions.PredictionService;
import io.kmarket.ml.runs.RunService;
import io.kmarket.ml.runs.rest.DateRequest;
import io.kmarket.ml.runs.rest.RunAccepted;

/** Starts training, prediction and evaluation runs; each answers 202 with a run id to poll. */
@Path("/internal/predictions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PredictionResource {

    private final RunService runs;
    private final PredictionService predictions;
    private final ObjectMapper json;

    PredictionResource(RunService runs, PredictionService predictions, ObjectMapper json) {
        this.runs = runs;
        this.predictions = predictions;
        this.json = json;
    }

    /**
     * Body optional: without a range, trains on the year up to the latest stored trading day. Read as text so
     * a bare POST without a Content-Type (how a scheduler may call it) is accepted too.
     */
    @POST
    @Path("train")
    @Consumes(MediaType.WILDCARD)
    public Response train(String body) throws JsonProcessingException {
        DateRequest range = DateRequest.optionalRange(
                body == null || body.isBlank() ? null : json.readValue(body, DateRequest.class));
        Map<String, ?> parameters = range == null ? Map.of() : Map.of("from", range.from(), "to", range.to());
        return RunAccepted.of(runs.start("train", parameters, () -> {
            LocalDate[] window = range == null ? predictions.defaultWindow()
                    : new LocalDate[] { range.from(), range.to() };
            return predictions.train(window[0], window[1]).metrics().trainingSamples();
        }));
    }

    /** 409 when no model could serve the date yet: the caller records that, rather than a failed run to retry. */
    @POST
    @Path("predict")
    public Response predict(DateRequest body) {
        LocalDate date = DateRequest.requiredDate(body);
        Optional<String> unpredictable = predictions.unpredictable(date);
        if (unpredictable.isPresent()) {
            throw new ClientErrorException(unpredictable.get(), Response.Status.CONFLICT);
        }
        return RunAccepted.of(runs.start("predict", Map.of("date", date), () -> predictions.predict(date)));
    }

    @POST
    @Path("evaluate")
    public Response evaluate(DateRequest body) {
        LocalDate date = DateRequest.requiredDate(body);
        return RunAccepted.of(runs.start("evaluate", Map.of("date", date), () -> predictions.evaluate(date)));
    }
}
