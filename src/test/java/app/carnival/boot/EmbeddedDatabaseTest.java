package app.carnival.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's two paths: embedded PostgreSQL with data that survives a restart, or nothing when a URL is given. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void startsEmbeddedWhenNoUrlIsConfiguredAndKeepsDataAcrossRestarts() throws Exception {
        Properties props = new Properties();
        Path data = dir.resolve("pgdata");
        props.setProperty(CarnivalMain.DIR_PROPERTY, data.toString());

        Optional<EmbeddedDatabase> first = CarnivalMain.startEmbeddedIfNoUrl(props, Map.of());
        assertThat(first).isPresent();
        String url = props.getProperty(CarnivalMain.URL_PROPERTY);
        assertThat(url).startsWith("jdbc:postgresql://");
        try (EmbeddedDatabase db = first.get();
                Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (v TEXT)");
            st.execute("INSERT INTO kept VALUES ('still here')");
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        Properties again = new Properties();
        again.setProperty(CarnivalMain.DIR_PROPERTY, data.toString());
        try (EmbeddedDatabase db =
                        CarnivalMain.startEmbeddedIfNoUrl(again, Map.of()).orElseThrow();
                Connection c = DriverManager.getConnection(
                        again.getProperty(CarnivalMain.URL_PROPERTY), EmbeddedDatabase.USER, "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("17.");
        }
    }

    @Test
    void startsNothingWhenTheEnvironmentNamesADatasource() {
        Properties props = new Properties();
        props.setProperty(CarnivalMain.DIR_PROPERTY, dir.resolve("unused").toString());
        Optional<EmbeddedDatabase> db = CarnivalMain.startEmbeddedIfNoUrl(
                props, Map.of(CarnivalMain.URL_ENV, "jdbc:postgresql://db.example:5432/carnival"));
        assertThat(db).isEmpty();
        assertThat(props.getProperty(CarnivalMain.URL_PROPERTY)).isNull();
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void startsNothingWhenASystemPropertyNamesADatasource() {
        Properties props = new Properties();
        props.setProperty(CarnivalMain.URL_PROPERTY, "jdbc:postgresql://db.example:5432/carnival");
        assertThat(CarnivalMain.startEmbeddedIfNoUrl(props, Map.of())).isEmpty();
    }
}
