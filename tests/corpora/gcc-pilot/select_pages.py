from select_common import *  # helper used once to write pages.json
head=git('rev-parse','HEAD').decode().strip()
commits=[l.split() for l in git('log','--format=%H %ad','--date=iso-strict','HEAD','--','_site').decode().split('\n') if l]
hd=git('log','-1','--format=%ad','--date=iso-strict',head).decode().strip()
commits.insert(0,[head,hd])
vers={}
for h,d in commits:
    for line in git('ls-tree','-r',h,'_site').decode().split('\n'):
        if not line.endswith('.html'): continue
        meta,path=line.split('\t',1); b=meta.split()[2]
        vers.setdefault(path,{}).setdefault(b,[]).append((h,d))
OLD={'_site/bins/index.html':'9da8e8d3','_site/bins/collection-day.html':'174ffefe','_site/bins/garden-waste.html':'c379e21f',
 '_site/jobs/index.html':'13cab383','_site/your-council/index.html':'73c83f46','_site/your-council/meetings-and-decisions/calendar.html':'2fcd0dc1',
 '_site/about/councillors.html':'a2b50290','_site/index.html':'b139a51b','_site/fees-and-charges/index.html':'67cda636','_site/licensing/taxis/drivers.html':'1f619087'}
pages=[]
for p in sorted(vers):
    if p in OLD:
        b=[b for b in vers[p] if b.startswith(OLD[p])][0]
        h,d=vers[p][b][0]  # newest commit that still has this version
    else:
        b=[b for b,l in vers[p].items() if l[0][0]==head][0]; h,d=head,hd
    pages.append({'repo_path':p,'commit':h,'commit_date':d,'blob':b,'file':HOST+'/'+p[len('_site/'):],'url':url_of(p)})
json.dump(pages,open('/work/newcorpora/gcc-pilot/pages.json','w'),indent=1)
print(len(pages), sum(1 for x in pages if x['commit']!=head))
for x in pages:
    if x['commit']!=head: print(x['commit'][:10],x['commit_date'],x['repo_path'])
