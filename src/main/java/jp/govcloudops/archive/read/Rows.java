package jp.govcloudops.archive.read;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Values of a decoded archive row by column name; null where the row has none. */
public final class Rows {

    private Rows() {
    }

    public static String text(Group row, String column) {
        int index = row.getType().containsField(column) ? row.getType().getFieldIndex(column) : -1;
        return index < 0 || row.getFieldRepetitionCount(index) == 0 ? null : row.getString(index, 0);
    }

    /** The value as Java sees it: String, Integer, Long (timestamps as epoch milliseconds), Boolean. */
    public static Object value(Group row, String column) {
        if (!row.getType().containsField(column)) {
            return null;
        }
        int index = row.getType().getFieldIndex(column);
        if (row.getFieldRepetitionCount(index) == 0) {
            return null;
        }
        Type type = row.getType().getType(index);
        PrimitiveType.PrimitiveTypeName primitive = type.asPrimitiveType().getPrimitiveTypeName();
        return switch (primitive) {
            case INT32 -> row.getInteger(index, 0);
            case INT64 -> row.getLong(index, 0);
            case BOOLEAN -> row.getBoolean(index, 0);
            default -> type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    ? row.getString(index, 0) : row.getValueToString(index, 0);
        };
    }
}
