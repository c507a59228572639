package jp.govcloudops.format.cost;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The CUR 2.0 {@code product} map column as CSV exports write it: a JSON object of attribute names and values.
 * Only the attributes the aggregates use are passed on; text that is not such an object is ignored, because the
 * static product_region_code / product_servicecode columns come first anyway.
 */
final class ProductMapText {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ProductMapText() {
    }

    static void read(String text, CostRowAssembler row) {
        if (text.length() < 2 || text.charAt(0) != '{') {
            return;
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && (key.equals("region") || key.equals("region_code")
                        || key.equals("servicecode"))) {
                    row.productAttribute(key, parser.getString());
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                return;
            }
        } catch (JacksonException ignored) {
            // not a JSON object: the static columns decide
        }
    }
}
