import subprocess,re,json
from urllib.parse import urljoin
from lxml import html as LH
G='/work/.mirror/Gloucester-City-Council+gcc-public-web/repo'
HOST='salmon-meadow-0dcf69803.2.azurestaticapps.net'
def git(*a):
    return subprocess.run(['git','--git-dir',G,*a],capture_output=True).stdout
def decode(raw):
    m=re.search(rb'<meta[^>]+charset=["\']?([\w-]+)',raw[:4000],re.I)
    enc=m.group(1).decode('ascii') if m else 'utf-8'
    return raw.decode(enc)
def ws(s): return re.sub(r'\s+',' ',s or '').strip()
def url_of(path):  # _site/bins/index.html -> https://host/bins/index.html
    return f'https://{HOST}/'+path[len('_site/'):]
def lines(el,base):
    out=[]
    for e in el.iter():
        if not isinstance(e.tag,str): continue
        if e.tag=='a':
            href=e.get('href'); out.append(f'link {ws(e.text_content()) or "(no text)"} -> {urljoin(base,href) if href is not None else None}')
        elif e.tag=='img': out.append(f'img {urljoin(base,e.get("src") or "")} alt={e.get("alt")!r}')
        elif e.tag=='form': out.append(f'form action={urljoin(base,e.get("action")) if e.get("action") else None}')
        elif e.tag=='input': out.append(f'input type={e.get("type")} name={e.get("name")} placeholder={e.get("placeholder")!r}')
        elif e.tag in ('h2','h3','h4','p','button','label'):
            out.append(f'{e.tag} {ws(e.text_content())}')
    return out
def extract(raw,path):
    base=url_of(path)
    t=LH.fromstring(decode(raw))
    res={}
    h=t.xpath('//header[contains(concat(" ",@class," ")," site-header ")]')
    if h:
        h=h[0]
        for x in h.xpath('.//h1[contains(@class,"welcome-banner")]'): x.getparent().remove(x)
        res['header']=lines(h,base)
    n=t.xpath('//nav[contains(concat(" ",@class," ")," main-nav ")]')
    if n: res['nav']=lines(n[0],base)
    f=t.xpath('//footer[contains(concat(" ",@class," ")," site-footer ")]')
    if f: res['footer']=lines(f[0],base)
    return res
