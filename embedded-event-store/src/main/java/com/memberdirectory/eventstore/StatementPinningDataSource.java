package com.memberdirectory.eventstore;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Keeps HSQLDB from compiling the same SQL over and over. HSQLDB keeps a compiled statement per connection only
 * while some {@link PreparedStatement} for it is open, and JdbcTemplate and Axon close theirs after every use, so
 * each use parsed and planned its SQL again — a third of the command writer's time during an import. Each
 * connection of this data source holds one extra, unused prepared statement open for each of the last
 * {@code perConnection} distinct SQL texts it prepared; later prepares of the same text then find the compiled
 * statement. Nothing else changes: every caller still gets, uses and closes a statement of its own.
 */
public final class StatementPinningDataSource implements DataSource {

    private final DataSource delegate;
    private final int perConnection;

    public StatementPinningDataSource(DataSource delegate, int perConnection) {
        if (perConnection < 1) {
            throw new IllegalArgumentException("perConnection must be at least 1");
        }
        this.delegate = delegate;
        this.perConnection = perConnection;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pinning(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pinning(delegate.getConnection(username, password));
    }

    private Connection pinning(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementPinningDataSource.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new Pins(connection, perConnection));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }

    /** One connection's pinned statements, least recently prepared first. */
    private static final class Pins implements InvocationHandler {

        private final Connection connection;
        private final Map<List<Object>, PreparedStatement> pinned;

        Pins(Connection connection, int limit) {
            this.connection = connection;
            this.pinned = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, PreparedStatement> eldest) {
                    if (size() <= limit) {
                        return false;
                    }
                    closeQuietly(eldest.getValue());
                    return true;
                }
            };
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            try {
                if (method.getName().equals("prepareStatement")) {
                    pin(method, args);
                } else if (method.getName().equals("close")) {
                    unpinAll();
                }
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** Prepares a copy of the statement to keep open, unless one is already kept for the same arguments. */
        private void pin(Method method, Object[] args) throws InvocationTargetException, IllegalAccessException {
            List<Object> key = key(method, args);
            synchronized (pinned) {
                if (pinned.get(key) == null) {
                    pinned.put(key, (PreparedStatement) method.invoke(connection, args));
                }
            }
        }

        private void unpinAll() {
            synchronized (pinned) {
                pinned.values().forEach(Pins::closeQuietly);
                pinned.clear();
            }
        }

        /** The arguments of a prepare (SQL text, result set options, generated keys), arrays compared by content. */
        private static List<Object> key(Method method, Object[] args) {
            List<Object> key = new ArrayList<>(args.length + 1);
            key.add(Arrays.toString(method.getParameterTypes()));
            for (Object arg : args) {
                key.add(arg instanceof int[] ints ? Arrays.toString(ints)
                        : arg instanceof Object[] objects ? Arrays.toString(objects) : arg);
            }
            return key;
        }

        private static void closeQuietly(PreparedStatement statement) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection is closing or broken; the statement goes with it
            }
        }
    }
}
