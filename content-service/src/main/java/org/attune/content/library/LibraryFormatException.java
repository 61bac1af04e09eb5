package org.attune.content.library;

/** A library file that does not follow the piece format; names the file and the rule it breaks. */
class LibraryFormatException extends RuntimeException {

    LibraryFormatException(String file, String problem) {
        super(file + ": " + problem);
    }
}
