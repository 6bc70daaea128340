package dev.cam.platform.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection inside {@link Db#read} or {@link Db#write}. */
@FunctionalInterface
interface SqlWork<T> {
  T apply(Connection connection) throws SQLException;
}
