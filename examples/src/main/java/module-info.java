/** Every example of the README and the docs, runnable; each is run by the tests. */
module tractor.examples {
    requires tractor.api;
    requires org.slf4j;
    exports tractor.examples;
}
