package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// profiles writes the CPU profile of a whole command and a heap profile at
// its end (--cpuprofile, --memprofile), for `go tool pprof` and
// bench/crawl/profile/breakdown.sh, and an execution trace (--trace), for
// `go tool trace`: where goroutines wait rather than run.
type profiles struct {
	cpu, mem, trace    string
	cpuFile, traceFile *os.File
}

func (p *profiles) start() error {
	if p.trace != "" {
		f, err := os.Create(p.trace)
		if err != nil {
			return fmt.Errorf("--trace: %w", err)
		}
		if err := trace.Start(f); err != nil {
			f.Close()
			return fmt.Errorf("--trace %s: %w", p.trace, err)
		}
		p.traceFile = f
	}
	if p.cpu == "" {
		return nil
	}
	f, err := os.Create(p.cpu)
	if err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile %s: %w", p.cpu, err)
	}
	p.cpuFile = f
	return nil
}

func (p *profiles) stop() error {
	var errs []error
	if p.traceFile != nil {
		trace.Stop()
		errs = append(errs, p.traceFile.Close())
		p.traceFile = nil
	}
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		errs = append(errs, p.cpuFile.Close())
		p.cpuFile = nil
	}
	if p.mem != "" {
		f, err := os.Create(p.mem)
		if err != nil {
			return errors.Join(append(errs, fmt.Errorf("--memprofile: %w", err))...)
		}
		runtime.GC() // the live heap, not garbage
		errs = append(errs, pprof.Lookup("allocs").WriteTo(f, 0), f.Close())
	}
	return errors.Join(errs...)
}
