import java.io.*; import java.util.*;
public class Measure {
  public static void main(String[] a) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    String[][] sets = { {}, {"-XX:UserThreadWaitAttemptsAtExit=0"}, {"-XX:UserThreadWaitAttemptsAtExit=0","-XX:TieredStopAtLevel=1","-XX:+UseSerialGC"},
      {"-XX:UserThreadWaitAttemptsAtExit=0","--sun-misc-unsafe-memory-access=allow","-XX:TieredStopAtLevel=1","-XX:+UseSerialGC","-Xshare:auto"} };
    String[] names = {"default","+UTWAAE=0","+UTWAAE=0 +C1 +SerialGC","backend set (+unsafe +Xshare:auto)"};
    int runs = 11;
    for (int round = 0; round < 2; round++) for (int s = 0; s < sets.length; s++) {
      long[] ready = new long[runs], exit = new long[runs];
      for (int i = 0; i < runs; i++) {
        List<String> cmd = new ArrayList<>(List.of(java)); cmd.addAll(List.of(sets[s])); cmd.addAll(List.of("-cp", ".", "Hello"));
        long t0 = System.nanoTime(); Process p = new ProcessBuilder(cmd).start();
        new BufferedReader(new InputStreamReader(p.getInputStream())).readLine(); long t1 = System.nanoTime(); p.waitFor(); long t2 = System.nanoTime();
        ready[i] = (t1 - t0) / 100_000; exit[i] = (t2 - t0) / 100_000;
      }
      Arrays.sort(ready); Arrays.sort(exit);
      if (round == 1) System.out.printf("%-40s ready median %.1f ms [%.1f-%.1f]  exit median %.1f ms%n", names[s], ready[runs/2]/10.0, ready[0]/10.0, ready[runs-1]/10.0, exit[runs/2]/10.0);
    }
  }
}
