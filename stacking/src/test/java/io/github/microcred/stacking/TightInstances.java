package io.github.microcred.stacking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tight synthetic audits in the style of the research benchmark: credits from {2,3,4,5,6,10}, each credential eligible
 * for 1-3 random requirements (via tags), total supply close to total demand.
 */
final class TightInstances {
  private TightInstances() {}

  static RandomInstances.Instance generate(SplittableRandom r, int nCred, int nReq, boolean caps)
      throws StackingException {
    int[] cr = {2, 3, 4, 5, 6, 10};
    List<Credential> creds = new ArrayList<>();
    long supply = 0;
    for (int i = 0; i < nCred; i++) {
      int k = 1 + r.nextInt(3);
      String[] tags = new String[k];
      for (int t = 0; t < k; t++) {
        tags[t] = "r" + r.nextInt(nReq);
      }
      int c = cr[r.nextInt(cr.length)];
      supply += c;
      creds.add(Credential.builder("C" + i).credits(c, "ECTS").tags(tags).issuer("P" + r.nextInt(5))
          .origin(r.nextInt(5) == 0 ? Origin.EXTERNAL : Origin.RESIDENT).issued(LocalDate.of(2024, 1, 1)).build());
    }
    Requirement[] reqs = new Requirement[nReq];
    long per = Math.max(1, supply / nReq);
    for (int q = 0; q < nReq; q++) {
      long d = Math.max(1, per - 2 + r.nextInt(5));
      reqs[q] = Requirement.credits("r" + q, d, Filter.builder().tags("r" + q).build());
    }
    Rules.Builder b = Rules.builder("tight").unit("ECTS").requirement(Requirement.allOf("root", reqs));
    if (caps) {
      b.totalCredits(supply * 0.8).cap(Cap.maxPerProvider("provider", BigDecimal.valueOf(supply / 4)))
          .cap(Cap.maxShare("external", Filter.builder().origins(Origin.EXTERNAL).build(), new BigDecimal("0.25")));
    }
    return new RandomInstances.Instance(b.build(), new Transcript(creds));
  }
}
