package warc

import (
	"context"
	"fmt"
	"net"
)

// dnsResult holds both IPv4 and IPv6 addresses from DNS resolution
type dnsResult struct {
	ipv4 net.IP
	ipv6 net.IP
}

// archiveDNS resolves the host of address to one IPv4 and one IPv6
// address. newsarc patch: with Go's resolver (see customDialer.resolver),
// so /etc/hosts, search domains and the system's order apply; gowarc as
// served sent its own queries to the servers in /etc/resolv.conf and wrote
// their answers as dns: records. Go's resolver does not give the wire
// answers, so no dns: record is written; WARC-IP-Address still records the
// address each exchange went to.
func (d *customDialer) archiveDNS(ctx context.Context, address string) (ipv4, ipv6 net.IP, cached bool, err error) {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return nil, nil, false, err
	}

	// Check if the address is already an IP
	if ip := net.ParseIP(host); ip != nil {
		if ip.To4() != nil {
			if d.disableIPv4 {
				return nil, nil, false, fmt.Errorf("IPv4 is disabled but address %s is IPv4", host)
			}
			return ip, nil, false, nil
		}
		if d.disableIPv6 {
			return nil, nil, false, fmt.Errorf("IPv6 is disabled but address %s is IPv6", host)
		}
		return nil, ip, false, nil
	}

	if c, ok := d.DNSRecords.Get(host); ok {
		return c.ipv4, c.ipv6, true, nil
	}

	addrs, err := d.resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, nil, false, err
	}
	for _, a := range addrs {
		a = a.Unmap()
		switch {
		case a.Is4() && ipv4 == nil && !d.disableIPv4:
			ipv4 = net.IP(a.AsSlice())
		case a.Is6() && ipv6 == nil && !d.disableIPv6:
			ipv6 = net.IP(a.AsSlice())
		}
	}
	if ipv4 == nil && ipv6 == nil {
		return nil, nil, false, fmt.Errorf("lookup %s: no usable address", host)
	}
	d.DNSRecords.Set(host, dnsResult{ipv4: ipv4, ipv6: ipv6})
	return ipv4, ipv6, false, nil
}
