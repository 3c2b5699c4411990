package io.github.microcred.spark;

import java.math.BigDecimal;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/** Column names and types shared by the Dataset functions. */
final class Columns {
  /** Amounts: 38 digits, 18 after the point (credit amounts are exact decimals of at most 6 places). */
  static final DecimalType DECIMAL = DataTypes.createDecimalType(38, 18);

  private Columns() {}

  static <T> scala.collection.immutable.Seq<T> seq(java.util.List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
  }

  static BigDecimal dec(BigDecimal d) {
    if (d == null) {
      return null;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
