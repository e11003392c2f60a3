package io.ainstruct.adapter.postgres.keywordindex;

import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which PostgreSQL text search configuration makes the keyword index's terms ({@code english} unless configured):
 * it decides the stemming and the stop words. Changing it re-indexes every chunk, in one transaction.
 */
@Singleton
@TranslatesDatabaseFailures
public class KeywordLanguage {
    private final TransactionOperations<Connection> transactions;

    KeywordLanguage(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The configurations this database has, such as {@code english}, {@code german}, {@code simple}. */
    public List<String> available() {
        return transactions.executeRead(status -> {
            try (Statement select = status.getConnection().createStatement();
                 ResultSet rows = select.executeQuery("SELECT cfgname FROM pg_ts_config ORDER BY cfgname")) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            } catch (SQLException e) {
                throw new DataAccessException("cannot list the text search configurations", e);
            }
        });
    }

    /**
     * Makes {@code language} the configuration of the index, rebuilding the index when it was another one.
     *
     * @return whether the index was rebuilt
     * @throws IllegalArgumentException when the database has no such configuration
     */
    public boolean use(String language) {
        if (!available().contains(language)) {
            throw new IllegalArgumentException("PostgreSQL has no text search configuration '" + language
                    + "'; it has " + String.join(", ", available()));
        }
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement change = connection.prepareStatement("""
                    UPDATE keyword_settings SET language = ?::regconfig WHERE language <> ?::regconfig""")) {
                change.setString(1, language);
                change.setString(2, language);
                if (change.executeUpdate() == 0) {
                    return false;
                }
            } catch (SQLException e) {
                throw new DataAccessException("cannot change the keyword index's language", e);
            }
            try (Statement rebuild = connection.createStatement()) {
                rebuild.execute("DELETE FROM keyword_postings");
                rebuild.execute("SELECT keyword_postings_of_chunks(ARRAY(SELECT id FROM chunks))");
                return true;
            } catch (SQLException e) {
                throw new DataAccessException("cannot rebuild the keyword index", e);
            }
        });
    }
}
