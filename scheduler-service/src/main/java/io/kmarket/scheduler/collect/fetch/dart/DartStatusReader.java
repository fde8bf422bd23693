package io.kmarket.scheduler.collect.fetch.dart;

import java.util.List;

import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.XmlBodies;

/**
 * Reads the status out of an OpenDART answer, which keeps it in a different place per endpoint: the JSON endpoints'
 * {@code status} field, or, for file downloads, the XML error body that replaces the file.
 */
public enum DartStatusReader {
    JSON_FIELD {
        @Override
        String status(byte[] body) {
            String status = JsonBodies.text(JsonBodies.parse(body), "status");
            if (status == null) {
                throw new MalformedPayloadException("OpenDART answer without a status: " + JsonBodies.excerpt(body));
            }
            return status;
        }
    },
    /** corpCode.xml answers a ZIP on success and an XML {@code <result><status>} otherwise. */
    ZIP_OR_XML_ERROR {
        @Override
        String status(byte[] body) {
            if (body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) {
                return "000";
            }
            List<XmlBodies.Element> result = XmlBodies.elements(body, "result", "result");
            String status = result.isEmpty() ? null : result.getFirst().values().get("status");
            if (status == null) {
                throw new MalformedPayloadException("neither a ZIP nor an OpenDART status: "
                        + JsonBodies.excerpt(body));
            }
            return status.strip();
        }
    };

    abstract String status(byte[] body);
}
