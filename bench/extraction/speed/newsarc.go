package main

import (
	"log"
	"time"

	"github.com/newsarc/newsarc/selectors"
)

func init() {
	newsarcEngine = func() func(page) (string, error) {
		ex, err := selectors.New(selectors.Config{})
		if err != nil {
			log.Fatal(err)
		}
		fetched := time.Date(2019, 11, 20, 12, 0, 0, 0, time.UTC)
		return func(p page) (string, error) {
			a, _, err := ex.Extract(selectors.Page{URL: p.URL, Body: p.html, ContentType: "text/html; charset=utf-8", Date: fetched})
			if err != nil {
				return "", err
			}
			return a.Body, nil
		}
	}
}
