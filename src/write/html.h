/* html: the page's inlined assets (html_asset.c). */
#ifndef WR_HTML_H
#define WR_HTML_H
extern const char wr_html_css[];
extern const char wr_html_js[];
#endif
