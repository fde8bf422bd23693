package io.kmarket.scheduler.job.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.kmarket.scheduler.job.actions.DataQualityChecks;
import io.kmarket.scheduler.job.actions.DataQualityChecks.Issue;

/** The findings of the data-quality job for one trading date. */
@Path("/internal/data-quality")
@Produces(MediaType.APPLICATION_JSON)
public class DataQualityResource {

    private final DataQualityChecks checks;

    DataQualityResource(DataQualityChecks checks) {
        this.checks = checks;
    }

    @GET
    public List<Issue> issues(@QueryParam("date") String date) {
        if (date == null || date.isBlank()) {
            throw new BadRequestException("query parameter date=YYYY-MM-DD is required");
        }
        try {
            return checks.issues(LocalDate.parse(date.trim()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("date has an invalid value: " + date);
        }
    }
}
