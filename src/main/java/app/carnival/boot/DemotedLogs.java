package app.carnival.boot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A library that reports routine work at INFO (the embedded PostgreSQL prints its initdb and server
 * output so, ~40 lines at a first start) is passed on at DEBUG: shown only when its category is set
 * to DEBUG. Its warnings and errors keep their level.
 */
final class DemotedLogs implements Filter {

    /** Loggers hold their filter; java.util.logging keeps loggers only weakly. */
    private static final List<Logger> DEMOTED = new CopyOnWriteArrayList<>();

    private final Logger logger;

    private DemotedLogs(Logger logger) {
        this.logger = logger;
    }

    static void demote(String... categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            logger.setFilter(new DemotedLogs(logger));
            DEMOTED.add(logger);
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() > Level.INFO.intValue()) {
            return true;
        }
        record.setLevel(Level.FINE);
        return logger.isLoggable(Level.FINE);
    }
}
