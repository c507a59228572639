package jp.govcloudops.format.cost;

import jp.govcloudops.format.UnreadableInputException;

/** A file whose columns are not those of a cost export; the message names the file and the missing columns. */
public class CostSchemaException extends UnreadableInputException {

    public CostSchemaException(String file, String problem) {
        super("header", file + ": " + problem, null);
    }
}
