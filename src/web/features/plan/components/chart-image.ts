/**
 * 导出图片: the charts showing on the page, drawn one under the other into one PNG with ECharts'
 * own `getDataURL` (each chart at twice its size, on white). echarts/core is imported only when
 * asked, so the button costs the page nothing until it is pressed.
 */
export async function exportChartsAsImage(fileName: string, root: ParentNode = document): Promise<boolean> {
  const { getInstanceByDom } = await import('echarts/core');
  const charts = [...root.querySelectorAll<HTMLElement>('[data-chart]')]
    .map((el) => getInstanceByDom(el))
    .filter((c): c is NonNullable<typeof c> => c !== undefined);
  if (charts.length === 0) return false;
  const images = await Promise.all(
    charts.map(
      (c) =>
        new Promise<HTMLImageElement>((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = reject;
          img.src = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
        }),
    ),
  );
  const gap = 24;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(...images.map((i) => i.width));
  canvas.height = images.reduce((h, i) => h + i.height, 0) + gap * (images.length - 1);
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let y = 0;
  for (const img of images) {
    ctx.drawImage(img, 0, y);
    y += img.height + gap;
  }
  const a = document.createElement('a');
  a.href = canvas.toDataURL('image/png');
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return true;
}
