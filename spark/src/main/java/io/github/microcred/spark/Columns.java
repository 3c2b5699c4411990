package io.github.microcred.spark;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Column names and types shared by the Dataset functions. */
final class Columns {
  /** Amounts: 38 digits, 18 after the point (credit amounts are exact decimals of at most 6 places). */
  static final DecimalType DECIMAL = DataTypes.createDecimalType(38, 18);

  private Columns() {}

  static <T> Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(list).toList();
  }

  static BigDecimal dec(BigDecimal d) {
    if (d == null) {
      return null;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
