package io.meerkat.server.modules.register;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * {@code mod_register.ip_access}: ordered address-range rules, the first matching one decides; an
 * address no rule matches is allowed.
 */
final class IpAccess {

  record Rule(byte[] network, int prefix, boolean allow) {}

  private final List<Rule> rules;

  IpAccess(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  boolean allows(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Rule rule : rules) {
      if (rule.network().length == bytes.length && inRange(bytes, rule.network(), rule.prefix())) {
        return rule.allow();
      }
    }
    return true;
  }

  private static boolean inRange(byte[] address, byte[] network, int prefix) {
    int bits = address.length * 8;
    BigInteger mask =
        prefix == 0
            ? BigInteger.ZERO
            : BigInteger.ONE
                .shiftLeft(bits)
                .subtract(BigInteger.ONE)
                .shiftRight(bits - prefix)
                .shiftLeft(bits - prefix);
    return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
  }

  /** Parses {@code 127.0.0.0/8} or an address alone; returns null text for valid input. */
  static String check(String cidr) {
    try {
      parse(cidr, true);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  static Rule parse(String cidr, boolean allow) {
    int slash = cidr.indexOf('/');
    String host = slash < 0 ? cidr : cidr.substring(0, slash);
    for (char c : host.toCharArray()) {
      if (Character.digit(c, 16) < 0 && c != '.' && c != ':') {
        throw new IllegalArgumentException("\"" + cidr + "\" is not an address range");
      }
    }
    try {
      byte[] network = InetAddress.getByName(host).getAddress();
      int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("bad prefix length in \"" + cidr + "\"");
      }
      return new Rule(network, prefix, allow);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("\"" + cidr + "\" is not an address range");
    }
  }
}
