/** The {@code tractor} command-line tool: list, dump and cancel the actors of a running tree. */
module tractor.cli {
    requires tractor.api;
    requires info.picocli;
    opens tractor.cli to info.picocli;
}
